"""Documents out of the tracker: thesis PDFs, Markdown charts and the export dialogs."""
