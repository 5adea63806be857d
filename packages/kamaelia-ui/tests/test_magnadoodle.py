"""MagnaDoodle: drag to draw, right-click to wipe."""

import pygame
from _uihelpers import Driver, click, count_colour, pixel, run_ui

from Kamaelia.UI.Pygame.MagnaDoodle import MagnaDoodle

BOARD = (124, 124, 124)
BORDER = (255, 0, 0)
INK = (0, 0, 0)


def drag(points):
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=points[0], button=1))
    for point in points[1:]:
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=point, rel=(0, 0), buttons=(1, 0, 0))
        )
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=points[-1], button=1))


def test_board_has_a_red_border_and_grey_inside():
    """The board is grey inside a 10-pixel red border."""
    doodle = MagnaDoodle(position=(20, 20), size=(100, 100))

    def script(d):
        yield from d.wait_for_pixel((70, 70), BOARD)
        assert pixel((21, 21)) == BORDER
        assert pixel((118, 118)) == BORDER
        assert pixel((31, 31)) == BOARD
        d.shutdown(doodle)

    run_ui(Driver(script), doodle)


def test_dragging_draws_a_line_and_right_click_wipes_it():
    """A left-button drag leaves black ink along its path; a right click clears the board."""
    doodle = MagnaDoodle(position=(20, 20), size=(100, 100))
    inside = (30, 30, 80, 80)

    def script(d):
        yield from d.wait_for_pixel((70, 70), BOARD)
        drag([(40, 70), (60, 70), (100, 70)])
        yield from d.wait_for_pixel((80, 70), INK)
        assert pixel((70, 40)) == BOARD
        assert count_colour(inside, INK) > 100
        click((70, 70), button=3)
        yield from d.wait_for_pixel((80, 70), BOARD)
        assert count_colour(inside, INK) == 0
        d.shutdown(doodle)

    run_ui(Driver(script), doodle)


def test_moving_without_the_button_down_draws_nothing():
    """Mouse motion with no button held leaves the board clean."""
    doodle = MagnaDoodle(position=(0, 0), size=(100, 100))

    def script(d):
        yield from d.wait_for_pixel((50, 50), BOARD)
        for point in [(20, 50), (80, 50)]:
            pygame.event.post(
                pygame.event.Event(pygame.MOUSEMOTION, pos=point, rel=(0, 0), buttons=(0, 0, 0))
            )
        yield from d.sleep(0.1)
        assert count_colour((10, 10, 80, 80), INK) == 0
        d.shutdown(doodle)

    run_ui(Driver(script), doodle)
