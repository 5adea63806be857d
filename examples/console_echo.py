"""The Kamaelia front-page example: echo each line typed (or piped) back to the console.

Unchanged from Kamaelia 1.x; it ends by itself at the end of input. Needs
kamaelia-axon, kamaelia-chassis and kamaelia-console:

    printf 'hello\nworld\n' | python examples/console_echo.py
"""

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Util.Console import ConsoleEchoer, ConsoleReader

if __name__ == "__main__":
    Pipeline(ConsoleReader(), ConsoleEchoer()).run()
