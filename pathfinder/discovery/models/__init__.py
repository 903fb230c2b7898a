from pathfinder.discovery.models.documents import *  # noqa: F403
from pathfinder.discovery.models.interviews import Interview, InterviewNote, InterviewParticipant, InterviewTag  # noqa: F401
from pathfinder.discovery.models.partners import *  # noqa: F403
