from django.urls import path

from pathfinder.measures import views

urlpatterns = [
    path("programmes/<int:pk>/measures/", views.measure_list, name="measures_list"),
    path("programmes/<int:pk>/measures/upload/", views.upload, name="measures_upload"),
    path("programmes/<int:pk>/measures/example/", views.use_example, name="measures_example"),
    path("programmes/<int:pk>/measures/<int:measure>/", views.results, name="measures_results"),
    path("programmes/<int:pk>/measures/<int:measure>/record/", views.record, name="measures_record"),
    path("programmes/<int:pk>/measures/<int:measure>/results.xlsx", views.export, name="measures_export"),
]
