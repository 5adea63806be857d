"""VideoOverlay (YUV frames) and VideoSurface (RGB frames) on the display."""

import logging

from _uihelpers import Driver, pixel, run_ui
from Axon.Component import component
from Axon.Ipc import shutdownMicroprocess

from Kamaelia.UI.Pygame._yuv import yuv_pixel_to_rgb
from Kamaelia.UI.Pygame.Button import Button
from Kamaelia.UI.Pygame.Display import PygameDisplay
from Kamaelia.UI.Pygame.VideoOverlay import VideoOverlay
from Kamaelia.UI.Pygame.VideoSurface import VideoSurface


def yuv_frame(size, yuv, pixformat="YUV420_planar"):
    width, height = size
    chroma = ((width + 1) // 2) * ((height + 1) // 2)
    y, u, v = yuv
    return {
        "yuv": (bytes([y]) * width * height, bytes([u]) * chroma, bytes([v]) * chroma),
        "size": size,
        "pixformat": pixformat,
    }


def rgb_frame(size, colour):
    return {"rgb": bytes(colour) * size[0] * size[1], "size": size, "pixformat": "RGB_interleaved"}


def near(position, colour, tolerance=2):
    def check():
        got = pixel(position)
        return got is not None and all(
            abs(a - b) <= tolerance for a, b in zip(got, colour, strict=True)
        )

    return check


def test_video_overlay_shows_frames_over_other_surfaces():
    """YUV frames appear, converted to RGB, at the overlay's position, over a button."""
    under = Button(position=(0, 0), size=(100, 100))
    overlay = VideoOverlay(position=(10, 10))
    first, second = (81, 90, 240), (145, 54, 34)

    def script(d):
        yield from d.wait_for_pixel((5, 5), (224, 224, 224))
        overlay.deliver(yuv_frame((32, 16), first), "inbox")
        yield from d.wait_until(near((20, 20), yuv_pixel_to_rgb(*first)), "the first frame")
        overlay.deliver(yuv_frame((32, 16), second), "inbox")
        yield from d.wait_until(near((20, 20), yuv_pixel_to_rgb(*second)), "the second frame")
        assert pixel((5, 5)) == (224, 224, 224)
        assert pixel((42, 20)) == (224, 224, 224)
        d.shutdown(overlay)
        yield from d.wait_for_pixel((20, 20), (224, 224, 224))
        d.shutdown(under)

    run_ui(Driver(script), under, overlay)


def test_video_overlay_follows_a_change_of_frame_size():
    """A frame of a new size replaces the overlay (no stale picture is left behind)."""
    under = Button(position=(0, 0), size=(100, 100))
    overlay = VideoOverlay(position=(0, 0))
    grey = (126, 128, 128)

    def script(d):
        yield from d.wait_for_pixel((5, 5), (224, 224, 224))
        overlay.deliver(yuv_frame((60, 60), grey), "inbox")
        yield from d.wait_for_pixel((50, 30), (128, 128, 128))
        overlay.deliver(yuv_frame((20, 20), (16, 128, 128)), "inbox")
        yield from d.wait_for_pixel((10, 10), (0, 0, 0))
        assert pixel((50, 30)) == (224, 224, 224)  # the button, not the old 60x60 picture
        assert len(PygameDisplay.getDisplayService()[0].overlays) == 1
        d.shutdown(overlay, under)

    run_ui(Driver(script), under, overlay)


def test_video_overlay_skips_bad_frames(caplog):
    """A frame with an unknown pixel format is logged and skipped; good frames still show."""
    overlay = VideoOverlay(position=(0, 0))

    def script(d):
        overlay.deliver(yuv_frame((8, 8), (16, 128, 128), pixformat="RGB"), "inbox")
        overlay.deliver({"size": (8, 8)}, "inbox")
        overlay.deliver(yuv_frame((8, 8), (235, 128, 128)), "inbox")
        yield from d.wait_for_pixel((4, 4), (255, 255, 255))
        yield from d.wait_until(lambda: len(caplog.records) >= 2, "two log records")
        d.shutdown(overlay)

    with caplog.at_level(logging.ERROR, logger="Kamaelia.UI.Pygame.VideoOverlay"):
        run_ui(Driver(script), overlay)
    text = " ".join(r.getMessage() for r in caplog.records)
    assert "pixformat 'RGB'; choices: YUV420_planar" in text
    assert "KeyError" in text


def test_video_surface_shows_rgb_frames_and_resizes():
    """RGB frames are drawn at the position, scaled to `resize`; a new size gets a new surface."""
    video = VideoSurface(position=(10, 20), resize=(40, 40))

    def script(d):
        video.deliver(rgb_frame((4, 4), (10, 20, 30)), "inbox")
        yield from d.wait_for_pixel((49, 59), (10, 20, 30))
        assert pixel((50, 59)) == (255, 255, 255)
        video.deliver(rgb_frame((8, 2), (200, 100, 0)), "inbox")
        yield from d.wait_for_pixel((10, 20), (200, 100, 0))
        d.shutdown(video)

    run_ui(Driver(script), video)


def test_video_surface_without_resize_uses_the_frame_size_and_skips_bad_frames(caplog):
    """Frames are drawn at their own size; a non-RGB frame is logged and skipped."""
    video = VideoSurface(position=(0, 0))
    driver = Driver(None)
    video.link((video, "signal"), (driver, "control"))

    def script(d):
        video.deliver(rgb_frame((6, 3), (1, 2, 3)), "inbox")
        yield from d.wait_for_pixel((5, 2), (1, 2, 3))
        assert pixel((6, 2)) == (255, 255, 255)
        assert pixel((5, 3)) == (255, 255, 255)
        video.deliver({"rgb": b"", "size": (6, 3), "pixformat": "YUV420_planar"}, "inbox")
        yield from d.wait_until(lambda: caplog.records, "a log record")
        video.deliver(shutdownMicroprocess(), "control")
        yield from d.wait_for_message("control")

    driver.script = script
    with caplog.at_level(logging.ERROR, logger="Kamaelia.UI.Pygame.VideoSurface"):
        run_ui(driver, video)
    assert "the only choice is 'RGB_interleaved'" in caplog.records[0].getMessage()


class OverlayClient(component):
    """Sends an OVERLAYREQUEST straight to the display, then frames and positions on command."""

    Inboxes = {"inbox": "(outbox name, message) to send", "control": ""}
    Outboxes = {"outbox": "", "signal": "", "display": "", "yuv": "", "where": ""}

    def main(self):
        self.link((self, "display"), PygameDisplay.getDisplayService())
        self.send(
            {
                "OVERLAYREQUEST": True,
                "size": (8, 8),
                "pixformat": "YUV444_planar",
                "position": (0, 0),
                "yuv": (bytes([235]) * 64, bytes([128]) * 64, bytes([128]) * 64),
                "yuvservice": (self, "yuv"),
                "positionservice": (self, "where"),
            },
            "display",
        )
        while not self.dataReady("control"):
            while self.dataReady("inbox"):
                box, message = self.recv("inbox")
                self.send(message, box)
            self.pause()
            yield 1


def test_overlay_request_protocol_positions_frames_and_removal():
    """An OVERLAYREQUEST shows its first frame; positionservice moves it; None removes it."""
    client = OverlayClient()
    marker = Button(position=(100, 100))
    black = (bytes([16]) * 64, bytes([128]) * 64, bytes([128]) * 64)

    def script(d):
        yield from d.wait_for_pixel((4, 4), (255, 255, 255))
        yield from d.wait_for_pixel((101, 101), (224, 224, 224))
        client.deliver(("yuv", black), "inbox")
        yield from d.wait_for_pixel((4, 4), (0, 0, 0))
        client.deliver(("where", (40, 0)), "inbox")
        yield from d.wait_for_pixel((44, 4), (0, 0, 0))
        assert pixel((4, 4)) == (255, 255, 255)
        client.deliver(("yuv", None), "inbox")
        yield from d.wait_for_pixel((44, 4), (255, 255, 255))
        assert PygameDisplay.getDisplayService()[0].overlays == []
        client.deliver("stop", "control")
        d.shutdown(marker)

    run_ui(Driver(script), client, marker)
