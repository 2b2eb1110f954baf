"""The demo data (``demo.json``, a JSON bundle written from the research notes in
../shared/seeds), installed as the package ``model.seeds`` (see pyproject.toml's package-dir)
and read by model.demo with importlib.resources."""
