"""One function per command: the only modules that combine the layers below."""
