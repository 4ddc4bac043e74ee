"""`python -m crisishouse`."""

from crisishouse.cli import main

raise SystemExit(main())
