from pathfinder.discovery.models.documents import *  # noqa: F403
from pathfinder.discovery.models.partners import *  # noqa: F403
