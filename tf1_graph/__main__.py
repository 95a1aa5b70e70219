"""`python -m tf1_graph`: the question's TF1 experiment, buggy wiring then fixed."""

from common.cli import main
from tf1_graph import STYLE

raise SystemExit(main(STYLE))
