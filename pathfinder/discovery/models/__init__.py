from pathfinder.discovery.models.documents import *  # noqa: F403
