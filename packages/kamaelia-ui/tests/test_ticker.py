"""Ticker: words appear at a set rate, wrap and scroll; pause, clear, alpha and shutdown."""

import itertools
import time

from _uihelpers import Driver, count_colour, pixel, run_ui
from Axon.Ipc import producerFinished, shutdownMicroprocess

from Kamaelia.UI.Pygame.Ticker import CLEAR, Ticker

BACK = (128, 48, 128)
TEXT = (232, 232, 48)
AREA = (0, 0, 200, 100)


def make_ticker(**extra):
    settings = {"position": (0, 0), "render_right": 200, "render_bottom": 100, "text_height": 24}
    settings.update(extra)
    return Ticker(**settings)


def test_words_are_drawn_in_the_text_colour_inside_the_area():
    """Text sent to the ticker shows up as text-coloured pixels on its background."""
    ticker = make_ticker(words_per_second=1000)

    def script(d):
        yield from d.wait_for_pixel((100, 50), BACK)
        assert count_colour(AREA, TEXT) == 0
        ticker.deliver("Hello world", "inbox")
        yield from d.wait_until(lambda: count_colour(AREA, TEXT) > 20, "text to appear")
        assert pixel((201, 50)) == (255, 255, 255)
        d.shutdown(ticker)

    run_ui(Driver(script), ticker)


def test_words_appear_one_at_a_time_at_the_set_rate():
    """At 20 words per second the words are drawn one by one, at least 50 ms apart."""
    ticker = make_ticker(words_per_second=20)
    shown = []
    original = ticker._show_word

    def record(word):
        when = time.monotonic()
        original(word)
        surface = ticker.display
        ink = sum(
            surface.get_at((x, y))[:3] == TEXT
            for y in range(surface.get_height())
            for x in range(surface.get_width())
        )
        shown.append((when, word, ink))

    ticker._show_word = record

    def script(d):
        yield from d.wait_for_pixel((100, 50), BACK)
        ticker.deliver("one two three four", "inbox")
        yield from d.wait_until(lambda: len(shown) == 4, "four words")
        d.shutdown(ticker)

    run_ui(Driver(script), ticker)
    assert [word for _, word, _ in shown] == ["one", "two", "three", "four"]
    gaps = [later[0] - earlier[0] for earlier, later in itertools.pairwise(shown)]
    assert min(gaps) >= 0.045, gaps  # 50 ms, less the moment between the ticker's clock and ours
    inked = [ink for _, _, ink in shown]
    assert inked[0] > 0
    assert inked == sorted(set(inked))  # each word added ink


def test_long_text_wraps_and_scrolls_within_the_area():
    """More text than fits keeps the ticker full of text, all inside its area."""
    ticker = make_ticker(words_per_second=1000)
    words = " ".join(f"word{n}" for n in range(60))

    def script(d):
        yield from d.wait_for_pixel((100, 50), BACK)
        ticker.deliver(words, "inbox")
        yield from d.wait_until(lambda: ticker._words == type(ticker._words)(), "all words shown")
        yield from d.sleep(0.05)
        # every line band of the ticker has text in it (it scrolled, did not overflow)
        assert count_colour((0, 0, 200, 30), TEXT) > 20
        assert count_colour((0, 35, 200, 30), TEXT) > 20
        assert count_colour((0, 200, 400, 100), TEXT) == 0
        d.shutdown(ticker)

    run_ui(Driver(script), ticker)


def test_clear_message_wipes_the_ticker():
    """The CLEAR message leaves only background; later text starts again."""
    ticker = make_ticker(words_per_second=1000)

    def script(d):
        yield from d.wait_for_pixel((100, 50), BACK)
        ticker.deliver("some words here", "inbox")
        yield from d.wait_until(lambda: count_colour(AREA, TEXT) > 20, "text")
        ticker.deliver(CLEAR, "inbox")
        yield from d.wait_until(lambda: count_colour(AREA, TEXT) == 0, "a clear ticker")
        d.shutdown(ticker)

    run_ui(Driver(script), ticker)


def test_pausebox_holds_text_until_unpausebox():
    """While paused nothing new is drawn; after unpausing the buffered text appears."""
    ticker = make_ticker(words_per_second=1000)

    def script(d):
        yield from d.wait_for_pixel((100, 50), BACK)
        ticker.deliver("pause", "pausebox")
        ticker.deliver("held back", "inbox")
        yield from d.sleep(0.15)
        assert count_colour(AREA, TEXT) == 0
        ticker.deliver("go", "unpausebox")
        yield from d.wait_until(lambda: count_colour(AREA, TEXT) > 20, "the held text")
        d.shutdown(ticker)

    run_ui(Driver(script), ticker)


def test_alphacontrol_zero_hides_the_ticker():
    """alphacontrol 0 makes the ticker invisible."""
    ticker = make_ticker()

    def script(d):
        yield from d.wait_for_pixel((100, 50), BACK)
        ticker.deliver(0, "alphacontrol")
        yield from d.wait_for_pixel((100, 50), (255, 255, 255))
        d.shutdown(ticker)

    run_ui(Driver(script), ticker)


def test_producer_finished_shows_the_rest_then_ends():
    """producerFinished lets buffered words appear before the ticker ends and passes it on."""
    ticker = make_ticker(words_per_second=50)
    driver = Driver(None)
    ticker.link((ticker, "signal"), (driver, "control"))
    shown = []

    def script(d):
        yield from d.wait_for_pixel((100, 50), BACK)
        ticker.deliver("a few words to finish", "inbox")
        ticker.deliver(producerFinished(), "control")
        while not d.collect()["control"]:
            shown.append(len(ticker._words))
            yield from d.sleep(0.005)
        assert isinstance(d.got["control"][0], producerFinished)
        assert len(ticker._words) == 0

    driver.script = script
    run_ui(driver, ticker)
    assert max(shown) > 0  # words were still waiting after producerFinished arrived


def test_shutdown_microprocess_ends_at_once_even_when_paused():
    """shutdownMicroprocess ends a paused ticker with words still buffered."""
    ticker = make_ticker(words_per_second=1)
    driver = Driver(None)
    ticker.link((ticker, "signal"), (driver, "control"))

    def script(d):
        yield from d.wait_for_pixel((100, 50), BACK)
        ticker.deliver("x", "pausebox")
        ticker.deliver("many words that will never be shown", "inbox")
        yield from d.sleep(0.02)
        ticker.deliver(shutdownMicroprocess(), "control")
        yield from d.wait_for_message("control")

    driver.script = script
    run_ui(driver, ticker, timeout=3)
    assert isinstance(driver.got["control"][0], shutdownMicroprocess)
