"""PLT-5: a breach of the distribution curve reads in the page's language when it is shown, and
in Bahasa Indonesia where it is read inside a document (``in_indonesian``)."""

import pytest
from django.utils import translation

from sikerja.i18n import in_indonesian
from sikerja.performance.rules.curve import Breach


@pytest.mark.req("PLT-5")
def test_a_curve_breach_follows_the_language_it_is_read_in():
    breach = Breach("istimewa_paling_banyak_70", "Sangat Baik paling banyak 70%", 8, 7, 1, "max")
    with translation.override("en"):
        assert breach.message == "Rule 'Very Good at most 70%' is not met: 8 people, at most 7; 1 too many."
        assert in_indonesian(lambda: breach.message)() == (
            "Aturan 'Sangat Baik paling banyak 70%' tidak terpenuhi: ada 8 orang, paling banyak 7; lebih 1 orang."
        )
