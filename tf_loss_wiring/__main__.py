"""`python -m tf_loss_wiring`: the same as the console command `tf-loss-wiring`."""

from tf_loss_wiring.cli import main

raise SystemExit(main())
