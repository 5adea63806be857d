"""Request handler components for HTTPServer (1.x ``Kamaelia.Protocol.HTTP.Handlers``)."""
