"""Public verification (no login): the summary of a document named by its code, nothing more."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from sikerja.letters.rules import SAMPLE_CODE, date_id, is_code_shaped, is_sample_code, normalise_code
from sikerja.letters.selectors import document_by_code


@require_GET
def verify_form(request):
    raw = request.GET.get("kode", "")
    if raw:
        code = normalise_code(raw)
        if is_sample_code(raw):
            return redirect("verify:detail", code=SAMPLE_CODE)
        if is_code_shaped(code):
            return redirect("verify:detail", code=code)
        return render(request, "letters/pages/verify_form.html", {"error": "Kode verifikasi terdiri atas 10 huruf/angka.", "kode": raw[:40]}, status=400)
    return render(request, "letters/pages/verify_form.html", {})


@require_GET
def verify_detail(request, code):
    if is_sample_code(code):
        # The code printed on a sample (demo preview): never a valid letter, and the page says so.
        return render(request, "letters/pages/verify_missing.html", {"code": SAMPLE_CODE, "sample": True}, status=404)
    doc = document_by_code(code)
    if doc is None:
        return render(request, "letters/pages/verify_missing.html", {"code": normalise_code(code)[:16]}, status=404)
    return render(request, "letters/pages/verify_detail.html", {"doc": doc, "date_text": date_id(doc.date)})
