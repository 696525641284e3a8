"""`python -m desk.cli` runs the desk command."""

from desk.cli import main

raise SystemExit(main())
