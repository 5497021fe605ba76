"""Public verification (no login): the summary of a document named by its code, nothing more."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from sikerja.letters.rules import date_id, is_code_shaped, normalise_code
from sikerja.letters.selectors import document_by_code


@require_GET
def verify_form(request):
    raw = request.GET.get("kode", "")
    if raw:
        code = normalise_code(raw)
        if is_code_shaped(code):
            return redirect("verify:detail", code=code)
        return render(request, "letters/pages/verify_form.html", {"error": "Kode verifikasi terdiri atas 10 huruf/angka.", "kode": raw[:40]}, status=400)
    return render(request, "letters/pages/verify_form.html", {})


@require_GET
def verify_detail(request, code):
    doc = document_by_code(code)
    if doc is None:
        return render(request, "letters/pages/verify_missing.html", {"code": normalise_code(code)[:16]}, status=404)
    return render(request, "letters/pages/verify_detail.html", {"doc": doc, "date_text": date_id(doc.date)})
