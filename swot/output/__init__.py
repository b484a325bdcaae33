"""What swot writes for people: templates, handouts, reports, exports, charts."""
