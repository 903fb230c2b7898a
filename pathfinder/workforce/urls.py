from django.urls import path

from pathfinder.workforce import views

# A person's own wellbeing plan: no ids in these URLs, only ever the signed-in person's plan.
urlpatterns = [
    path("my-wellbeing-plan/", views.wellbeing_plan, name="wellbeing_plan"),
    path("my-wellbeing-plan/edit/", views.wellbeing_plan_edit, name="wellbeing_plan_edit"),
    path("my-wellbeing-plan/print.pdf", views.wellbeing_plan_pdf, name="wellbeing_plan_pdf"),
    path("my-wellbeing-plan/delete/", views.wellbeing_plan_delete, name="wellbeing_plan_delete"),
]
