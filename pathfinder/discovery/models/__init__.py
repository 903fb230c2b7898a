from pathfinder.discovery.models.partners import *  # noqa: F403
