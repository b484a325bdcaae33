"""``swot survey``: the participants' form, served from the facilitator's laptop.

A way in beside the terminal: answers become entries through ``swot.files.appending`` exactly
as ``swot collect`` saves them; the server knows nothing of merging or handouts.

  form.py     the form's fields, reading a posted form, checking answers as entries
  guard.py    what keeps a shared network out: tokens, body and rate limits, the Host check
  store.py    saving one submission as one new respondent (side file for a broken file)
  pages.py    the pages (Jinja2, templates/survey/) and their Swedish and English texts
  app.py      create_app: the Starlette application that ties these together
  server.py   uvicorn in a thread on 127.0.0.1 (or the LAN), addresses, the live figures
"""
