"""What the person can take away: their whole profile (PDF), and everything
held about them (JSON: account, profile, sharing, access log, emergency uses).

These exports are for the person only. A professional's print-out holds only
the parts their grant allows (`profile_document` with `keys`)."""

from django.utils import timezone

from pathfinder.core import audit
from pathfinder.reports.cells import xml_safe
from pathfinder.reports.content import BulletList, Document, Heading, Paragraph
from pathfinder.thisisme import emergency, grants, people, reading
from pathfinder.thisisme import sections as section_data
from pathfinder.thisisme.models import PersonProfile

NOTHING = "Nothing written here yet."


def subject_access(profile: PersonProfile) -> dict:
    texts = people.sections_of(profile)
    return {
        "about": "Everything Pathfinder holds about you in 'This is me', made on request.",
        "made_at": timezone.now().isoformat(),
        "account": {
            "name": profile.person.full_name,
            "username": profile.username,
            "service": profile.service.name,
            "key_worker": profile.key_worker.full_name if profile.key_worker else None,
            "consent_recorded_at": profile.consent_recorded_at.isoformat(),
            "created_at": profile.created_at.isoformat(),
            "last_used_on": profile.touched_on.isoformat(),
            "second_step": people.has_second_step(profile),
        },
        "profile": [
            {
                "part": section.title,
                "key": section.key,
                "text": texts[section.key].text if section.key in texts else "",
                "updated_on": texts[section.key].updated_on.isoformat() if section.key in texts else None,
            }
            for section in section_data.SECTIONS
        ],
        "sharing": [grants.as_fhir(row) for row in profile.grants.select_related("grantee_user", "grantee_team")],
        "access_log": [
            {
                "at": event.at.isoformat(),
                "who": event.actor_name,
                "role": event.actor_role,
                "service": event.actor_service,
                "what": event.get_action_display(),
                "parts": event.section_titles,
                "grant": str(event.grant_ref) if event.grant_ref else None,
                "emergency": str(event.emergency_ref) if event.emergency_ref else None,
            }
            for event in reading.log_for(profile)
        ],
        "sign_ins": [
            {"at": event.at.isoformat(), "what": event.get_kind_display()}
            for event in audit.recent_sign_ins(profile.person, limit=500)
        ],
        "emergency_access": [
            {
                "by": use.user.full_name,
                "started_at": use.started_at.isoformat(),
                "ends_at": use.ends_at.isoformat(),
                "reason": use.reason,
                "reviewed_at": use.reviewed_at.isoformat() if use.reviewed_at else None,
            }
            for use in emergency.uses_for_person(profile)
        ],
    }


def profile_document(profile: PersonProfile, *, keys=None, shared_until=None) -> Document:
    """The profile to print: every part for the person, only `keys` for a professional."""
    texts = people.sections_of(profile)
    wanted = section_data.ordered(keys) if keys is not None else section_data.KEYS
    if keys is None:
        intro = "This is your own profile, in your own words. You decide who sees which parts, and for how long."
    else:
        intro = (
            f"{profile.person.full_name} chose to share these parts with you"
            + (f", until {timezone.localtime(shared_until):%d %B %Y}" if shared_until else "")
            + ". Please do not copy them into other records without asking them."
        )
    blocks = [Paragraph(intro)]
    for key in wanted:
        section = section_data.BY_KEY[key]
        blocks.append(Heading(section.title))
        text = texts[key].text if key in texts else ""
        paragraphs = [line for line in xml_safe(text).split("\n") if line.strip()]
        blocks.extend(Paragraph(line) for line in paragraphs or [NOTHING])
    if keys is None:
        shared = [row for row in profile.grants.all() if row.is_active]
        blocks.append(Heading("Who can see it now"))
        if shared:
            blocks.append(
                BulletList(
                    [
                        f"{row.grantee_label}: {', '.join(row.section_titles)} "
                        f"(until {timezone.localtime(row.ends_at):%d %B %Y})"
                        for row in shared
                    ]
                )
            )
        else:
            blocks.append(Paragraph("Nobody: you have not shared any part at the moment."))
    return Document(
        title=f"This is me: {profile.person.full_name}",
        blocks=blocks,
        author_label=profile.person.full_name,
        generated_on=timezone.localdate(),
    )
