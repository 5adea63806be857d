"""The widgets refuse a misspelt keyword, naming the ones they take."""

from __future__ import annotations

import pytest

from Kamaelia.UI.Pygame.Button import Button
from Kamaelia.UI.Pygame.Text import Textbox


def test_a_button_suggests_the_keyword_meant():
    with pytest.raises(
        TypeError, match=r"Button\(\) .* 'captoin'; it takes: .*did you mean: caption\?"
    ):
        Button(captoin="Next")


def test_a_textbox_takes_the_text_displayer_options():
    """Class-attribute options are inherited, and a typo among them is caught."""
    with pytest.raises(TypeError, match=r"Textbox\(\) .* 'bgcolor'.*did you mean: bgcolour"):
        Textbox(bgcolor=(0, 0, 0))
