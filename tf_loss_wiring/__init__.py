"""The tools above the styles, behind one console command `tf-loss-wiring`, and the guard to take home.

    tf-loss-wiring compare    every style x Keras generation x wiring in one table, --code, --plot
    tf-loss-wiring bench      every style on the question's protocol next to the numpy floor
    tf-loss-wiring hazards    which loss APIs broadcast labels (B,) against predictions (B, 1)
    tf-loss-wiring check      is the trap in your own code: probe a loss of yours, or scan source files

    from tf_loss_wiring.guard import same_shape, strict     # a shape guard for your own loss code
    from tf_loss_wiring.testing import assert_no_broadcast  # the same question in your own tests

The tools import the styles; the styles and `common` never import anything here.
"""
