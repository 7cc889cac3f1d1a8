from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.second_factor_page, name="second_factor"),
    path("neue-codes/", views.new_recovery_codes, name="new_recovery_codes"),
    path("abschalten/", views.switch_off, name="switch_off"),
]
