"""`python -m sandbox …`: serve the sandbox API or act as a ministry officer."""

import sys

from sandbox.cli import main

sys.exit(main())
