"""`python -m tf2_eager`: the TF2 migration of the question's experiment, buggy wiring then fixed."""

from common.cli import main
from tf2_eager import STYLE

raise SystemExit(main(STYLE))
