"""How other apps name a reader: `from accounts.names import display_name`."""
from accounts.models import display_name, profile_for

__all__ = ["display_name", "profile_for"]
