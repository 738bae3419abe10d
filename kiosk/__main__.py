"""`python -m kiosk …`: the core's command line for support staff, scripts and tests."""

import sys

from kiosk.cli import main

sys.exit(main())
