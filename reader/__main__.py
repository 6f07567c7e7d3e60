"""`python -m reader` is the same as the `offline-reader` command."""

from reader.cli.main import main

raise SystemExit(main())
