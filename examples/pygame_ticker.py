"""A pygame Ticker: text appears a word at a time, then the window closes by itself.

DataSource sends the text and then producerFinished; the Ticker shows what it
has buffered, gives its surface back, and the display closes once no widget is
left, so the system ends. Runs headless with SDL_VIDEODRIVER=dummy. Needs
kamaelia-axon, kamaelia-chassis and kamaelia-ui:

    python examples/pygame_ticker.py
    SDL_VIDEODRIVER=dummy python examples/pygame_ticker.py     # no screen needed
"""

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.UI.Pygame.Ticker import Ticker
from Kamaelia.Util.DataSource import DataSource

if __name__ == "__main__":
    text = "Components with inboxes and outboxes, wired together, drawing on one window."
    Pipeline(DataSource([text]), Ticker(words_per_second=40, position=(8, 8))).run()
    print("the ticker showed every word and the window closed")
