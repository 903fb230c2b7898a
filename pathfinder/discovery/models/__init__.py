from pathfinder.discovery.models.interviews import Interview, InterviewNote, InterviewParticipant, InterviewTag  # noqa: F401
