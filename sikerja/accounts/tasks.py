"""Account mail for the background worker: a link to set one's password (first login, reset).

The task carries only the user's id; the one-time link is made when the mail is sent, so no
password or token sits in the task table."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task


def set_password_link(user) -> str:
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return f"{getattr(settings, 'SIKERJA_PUBLIC_URL', '').rstrip('/')}{path}"


@task()
def send_set_password_link(user_id: int, first: bool) -> bool:
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return False
    body = render_to_string(
        "accounts/email_set_password.txt",
        {
            "user": user,
            "link": set_password_link(user),
            "first": first,
            "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        },
    )
    subject = "[SiKerja] Akun Anda telah dibuat" if first else "[SiKerja] Atur ulang kata sandi"
    send_mail(subject, body, None, [user.email])
    return True
