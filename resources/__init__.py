"""What the app shows and ships (#13), installed as the package ``gui.resources`` (see
pyproject.toml's package-dir) and read through gui.assets with importlib.resources:

- ``icons/app/``: the app icon, ``thesis-tracker.svg`` and PNGs from 16 to 512 pixels
  (``tools/render_icons.py`` draws the PNGs from the SVG);
- ``icons/actions/``: the action icons, drawn for the app in one style (licence beside them);
- ``desktop/``: the .desktop file and the AppStream metainfo (``make install-desktop``);
- ``fonts/``: a subset of Noto Sans SC (SIL Open Font License, beside it) for PDFs on machines
  without a CJK font;
- ``palette.json``: every colour the tables, charts and documents use, light and dark;
- ``translations/``: the app's ``.ts`` sources and compiled ``.qm`` files (gui.i18n).
"""
