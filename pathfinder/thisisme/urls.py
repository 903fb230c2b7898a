from django.urls import path

from pathfinder.thisisme.views import entry, person, shared, staff

urlpatterns = [
    # Anyone: set up with the code from the key worker, and sign in.
    path("this-is-me/start/", entry.set_up, name="thisisme_set_up"),
    path("this-is-me/sign-in/", entry.sign_in, name="thisisme_sign_in"),
    path("this-is-me/sign-in/code/", entry.second_step, name="thisisme_second_step"),
    # The person's own pages (no ids: only ever their own profile).
    path("this-is-me/me/", person.home, name="thisisme_home"),
    path("this-is-me/me/part/<slug:key>/", person.section_edit, name="thisisme_section"),
    path("this-is-me/me/sharing/", person.sharing, name="thisisme_sharing"),
    path("this-is-me/me/sharing/new/", person.share, name="thisisme_share"),
    path("this-is-me/me/sharing/<uuid:ref>/stop/", person.withdraw, name="thisisme_withdraw"),
    path("this-is-me/me/who-looked/", person.access_log, name="thisisme_access_log"),
    path("this-is-me/me/this-is-me.pdf", person.download_pdf, name="thisisme_pdf"),
    path("this-is-me/me/everything.json", person.download_json, name="thisisme_json"),
    path("this-is-me/me/delete/", person.erase, name="thisisme_erase"),
    # Professionals: what people shared with them.
    path("this-is-me/shared/", shared.shared_list, name="thisisme_shared"),
    path("this-is-me/shared/<uuid:ref>/", shared.shared_profile, name="thisisme_shared_profile"),
    path("this-is-me/shared/<uuid:ref>/print.pdf", shared.shared_pdf, name="thisisme_shared_pdf"),
    # Key workers and the service.
    path("services/<slug:slug>/this-is-me/", staff.people_list, name="thisisme_people"),
    path("services/<slug:slug>/this-is-me/new/", staff.person_new, name="thisisme_person_new"),
    path("services/<slug:slug>/this-is-me/settings/", staff.settings_page, name="thisisme_settings"),
    path("services/<slug:slug>/this-is-me/reviews/", staff.emergency_reviews, name="thisisme_emergency_reviews"),
    path("services/<slug:slug>/this-is-me/<uuid:ref>/", staff.person, name="thisisme_person"),
    path("services/<slug:slug>/this-is-me/<uuid:ref>/recovery/", staff.recovery, name="thisisme_recovery"),
    path("services/<slug:slug>/this-is-me/<uuid:ref>/emergency/", staff.emergency_start, name="thisisme_emergency"),
]
