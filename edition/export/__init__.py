"""Exports of the edition (DESIGN §7): `assemble.assemble_edition` decides what goes in, once;
one writer per format renders it (see `formats.FORMATS`): html_site, epub, pdf, tei, w3c,
markdown, csv_writer. The command `manage.py export` and the page /export/ both run them."""
