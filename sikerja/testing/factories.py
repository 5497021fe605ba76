"""factory_boy factories for tests: valid by construction, so a test states only what matters."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model

from sikerja.accounts.models import Role, RoleAssignment
from sikerja.organisation.choices import EmploymentStatus, PositionKind, UnitType
from sikerja.organisation.models import Employee, Placement, Position, Unit
from sikerja.organisation.rules.nip import build_nip
from sikerja.tenancy.models import Region, RegulationProfile


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegulationProfile
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"profil-uji-{n}")
    name = factory.LazyAttribute(lambda o: f"Profil {o.key}")
    legal_basis = "Peraturan uji"
    settings = factory.LazyFunction(dict)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    slug = factory.Sequence(lambda n: f"daerah-{n}")
    name = factory.Sequence(lambda n: f"Kabupaten Uji {n}")
    profile = factory.SubFactory(ProfileFactory)


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Dinas Uji {n}")
    code = factory.Sequence(lambda n: f"U{n:05d}")
    unit_type = UnitType.DINAS
    is_perangkat_daerah = factory.LazyAttribute(lambda o: o.parent is None)
    parent = None

    @factory.post_generation
    def set_pd(obj, create, extracted, **kwargs):
        if obj.perangkat_daerah_id is None and create:
            root = obj
            while root.parent_id is not None and not root.is_perangkat_daerah:
                root = root.parent
            obj.perangkat_daerah = root
            obj.save(update_fields=["perangkat_daerah"])


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    unit = factory.SubFactory(UnitFactory)
    region = factory.LazyAttribute(lambda o: o.unit.region)
    name = factory.Sequence(lambda n: f"Jabatan {n}")
    code = factory.Sequence(lambda n: f"J{n:06d}")
    kind = PositionKind.PELAKSANA


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    position = factory.SubFactory(PositionFactory)
    unit = factory.LazyAttribute(lambda o: o.position.unit if o.position else None)
    region = factory.LazyAttribute(lambda o: o.unit.region)
    name = factory.Sequence(lambda n: f"Pegawai {n}")
    status = EmploymentStatus.PNS
    golongan = "III/a"
    gender = "L"
    birth_date = dt.date(1990, 5, 17)
    appointed_on = dt.date(2015, 3, 1)
    nip = factory.Sequence(
        lambda n: build_nip(birth_date=dt.date(1990, 5, 17), appointed_on=dt.date(2015, 3, 1), gender="L", serial=n % 999 + 1)[:-3]
        + f"{n % 999 + 1:03d}"
    )


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement

    employee = factory.SubFactory(EmployeeFactory)
    assessor = factory.SubFactory(EmployeeFactory)
    region = factory.LazyAttribute(lambda o: o.employee.region)
    unit = factory.LazyAttribute(lambda o: o.employee.unit)
    basis_number = "800/1/BKPSDM/2025"
    basis_date = dt.date(2025, 1, 2)
    effective_from = dt.date(2025, 1, 2)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or "rahasia-uji")
        if create:
            obj.save(update_fields=["password"])


def user_with_role(region, role=Role.PEGAWAI, unit=None, employee=None, username=None):
    user = UserFactory(username=username) if username else UserFactory()
    RoleAssignment.objects.create(user=user, region=region, role=role, unit=unit)
    if employee is not None:
        employee.user = user
        employee.save(update_fields=["user"])
    return user
