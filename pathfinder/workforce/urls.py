from django.urls import path

from pathfinder.workforce.views import catalogue, people, plans, training, wellbeing

urlpatterns = [
    # A person's own wellbeing plan: no ids in these URLs, only ever the signed-in person's plan.
    path("my-wellbeing-plan/", wellbeing.wellbeing_plan, name="wellbeing_plan"),
    path("my-wellbeing-plan/edit/", wellbeing.wellbeing_plan_edit, name="wellbeing_plan_edit"),
    path("my-wellbeing-plan/print.pdf", wellbeing.wellbeing_plan_pdf, name="wellbeing_plan_pdf"),
    path("my-wellbeing-plan/delete/", wellbeing.wellbeing_plan_delete, name="wellbeing_plan_delete"),
    # Training: practice levels, the catalogue, the register and plans.
    path("programmes/<int:pk>/training/", training.overview, name="training_overview"),
    path("programmes/<int:pk>/training/roles/", training.roles, name="training_roles"),
    path("programmes/<int:pk>/training/gaps/", training.gap_finding, name="training_gap_finding"),
    path("programmes/<int:pk>/training/catalogue/", catalogue.catalogue, name="training_catalogue"),
    path("programmes/<int:pk>/training/catalogue/new/", catalogue.entry_new, name="training_entry_new"),
    path("programmes/<int:pk>/training/catalogue/<int:entry>/", catalogue.entry, name="training_entry"),
    path("programmes/<int:pk>/training/people/", people.people, name="training_people"),
    path("programmes/<int:pk>/training/people/<int:membership>/", people.person, name="training_person"),
    path(
        "programmes/<int:pk>/training/people/<int:membership>/records/",
        people.record_add,
        name="training_record_add",
    ),
    path(
        "programmes/<int:pk>/training/people/<int:membership>/records/<int:record>/remove/",
        people.record_remove,
        name="training_record_remove",
    ),
    path(
        "programmes/<int:pk>/training/people/<int:membership>/records/<int:record>/done/",
        people.record_done,
        name="training_record_done",
    ),
    path("programmes/<int:pk>/training/people/download.csv", people.register_export, name="training_register_export"),
    path("programmes/<int:pk>/training/staff/new/", people.staff_new, name="training_staff_new"),
    path("programmes/<int:pk>/training/staff/import/", people.staff_import, name="training_staff_import"),
    path("programmes/<int:pk>/training/staff/<int:staff>/", people.staff_person, name="training_staff_person"),
    path(
        "programmes/<int:pk>/training/staff/<int:staff>/records/",
        people.staff_record_add,
        name="training_staff_record_add",
    ),
    path(
        "programmes/<int:pk>/training/staff/<int:staff>/records/<int:record>/remove/",
        people.staff_record_remove,
        name="training_staff_record_remove",
    ),
    path(
        "programmes/<int:pk>/training/staff/<int:staff>/records/<int:record>/done/",
        people.staff_record_done,
        name="training_staff_record_done",
    ),
    path("programmes/<int:pk>/training/plan/new/", plans.plan_new, name="training_plan_new"),
    path("training-plans/<int:pk>/", plans.plan_detail, name="training_plan"),
    path("training-plans/<int:pk>/lines/add/", plans.line_add, name="training_plan_line_add"),
    path("training-plans/<int:pk>/lines/<int:line>/", plans.line_details, name="training_plan_line"),
    path("training-plans/<int:pk>/lines/<int:line>/action/", plans.line_action, name="training_plan_line_action"),
    path("training-plans/<int:pk>/lines/<int:line>/remove/", plans.line_remove, name="training_plan_line_remove"),
    path("training-plans/<int:pk>/lines/<int:line>/priority/", plans.line_priority, name="training_plan_line_priority"),
    path("training-plans/<int:pk>/download.xlsx", plans.plan_export, name="training_plan_export"),
]
