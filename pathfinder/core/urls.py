from django.urls import path

from pathfinder.core.views import activity, documents, health, home, people, site_admin

urlpatterns = [
    path("", home.home, name="home"),
    path("health/", health.health, name="health"),
    path("account/", home.account, name="account"),
    path("account/sign-ins/", home.sign_ins, name="account_sign_ins"),
    path("account/stay-signed-in/", home.stay_signed_in, name="account_stay_signed_in"),
    path("about/", home.about, name="about"),
    path("privacy/", home.privacy, name="privacy"),
    path("accessibility/", home.accessibility, name="accessibility"),
    path("invitations/<str:token>/", people.invitation_accept, name="invitation_accept"),
    path("services/<slug:slug>/people/", people.people, name="people"),
    path("services/<slug:slug>/people/<int:pk>/", people.membership_edit, name="membership_edit"),
    path("services/<slug:slug>/invitations/<int:pk>/withdraw/", people.invitation_withdraw, name="invitation_withdraw"),
    path("services/<slug:slug>/activity/", activity.activity, name="activity"),
    path("downloads/<int:pk>/", documents.progress, name="document_progress"),
    path("downloads/<int:pk>/file/", documents.download, name="document_download"),
    path("site-admin/", site_admin.overview, name="site_admin"),
    path("site-admin/organisations/new/", site_admin.organisation_new, name="site_admin_organisation_new"),
    path("site-admin/services/new/", site_admin.service_new, name="site_admin_service_new"),
    path("site-admin/services/<int:pk>/", site_admin.service_detail, name="site_admin_service"),
    path(
        "site-admin/services/<int:pk>/invitations/<int:invitation_pk>/resend/",
        site_admin.invitation_resend,
        name="site_admin_invitation_resend",
    ),
    path(
        "site-admin/services/<int:pk>/invitations/<int:invitation_pk>/withdraw/",
        site_admin.invitation_withdraw,
        name="site_admin_invitation_withdraw",
    ),
    path("site-admin/people/", site_admin.users, name="site_admin_users"),
    path("site-admin/people/<int:pk>/disable/", site_admin.user_disable, name="site_admin_user_disable"),
]
