"""A minimal Kamaelia 2 plugin package: one component, published through an entry point."""

from kamaelia_plugin_template._doubler import Doubler

__all__ = ["Doubler"]
