"""HTTP for Kamaelia: one HTTP/1.1 core on h11, shared by ``Kamaelia.Protocol.SimpleHTTP``.

This package is also the home of 1.x's ``Kamaelia.Protocol.HTTP`` API.
"""
