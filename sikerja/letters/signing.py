"""Electronic signing of issued PDFs (PAdES) through a pluggable signer — issue 4, point 5.

TODO(PEN-15, optional): not wired in yet. The interface is fixed so a PyHanko signer (a
PKCS#12 certificate the region uploads) or a national signing service (BSrE/BSSN) can be
added without touching ``services.issue_document``:

* ``issue_document`` would call ``signer_for(region).sign(pdf, reason=..., location=...)``
  after rendering and *before* hashing, so ``Document.sha256`` is the hash of the signed file;
* a ``PyHankoSigner`` would load the region's PKCS#12 (stored encrypted, password from the
  environment, never in the database) and use ``pyhanko.sign.signers.PdfSigner`` with a
  PAdES-B-LT profile and a timestamp authority configured per region;
* the verification page would then also show the certificate subject and validity.

Until then ``NoSigner`` returns the PDF unchanged: the document is valid through its
registered hash and public verification code (BU Ps 20(1) makes the electronic letter proof).
"""

from __future__ import annotations

from typing import Protocol


class PdfSigner(Protocol):
    name: str

    def sign(self, pdf: bytes, *, reason: str, location: str) -> bytes:
        """The signed PDF (incremental update); must raise on failure, never return unsigned bytes."""
        ...


class NoSigner:
    name = "none"

    def sign(self, pdf: bytes, *, reason: str, location: str) -> bytes:
        return pdf


def signer_for(region) -> PdfSigner:
    """The signer configured for a region; only ``NoSigner`` exists so far."""
    return NoSigner()
