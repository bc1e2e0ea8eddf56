from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contact_status import ContactStatus
from ..models.influence import Influence
from ..models.seniority import Seniority
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_result_contact_view_data_custom_fields import (
        BatchResultContactViewDataCustomFields,
    )


T = TypeVar("T", bound="BatchResultContactViewData")


@_attrs_define
class BatchResultContactViewData:
    """
    Attributes:
        account_id (UUID):
        created_at (datetime.datetime):
        custom_fields (BatchResultContactViewDataCustomFields):
        id (UUID):
        is_decision_maker (bool):
        name (str):
        status (ContactStatus):
        updated_at (datetime.datetime):
        version (int):
        email (None | str | Unset):
        influence (Influence | None | Unset):
        phone (None | str | Unset):
        seniority (None | Seniority | Unset):
        title (None | str | Unset):
    """

    account_id: UUID
    created_at: datetime.datetime
    custom_fields: BatchResultContactViewDataCustomFields
    id: UUID
    is_decision_maker: bool
    name: str
    status: ContactStatus
    updated_at: datetime.datetime
    version: int
    email: None | str | Unset = UNSET
    influence: Influence | None | Unset = UNSET
    phone: None | str | Unset = UNSET
    seniority: None | Seniority | Unset = UNSET
    title: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        created_at = self.created_at.isoformat()

        custom_fields = self.custom_fields.to_dict()

        id = str(self.id)

        is_decision_maker = self.is_decision_maker

        name = self.name

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        influence: None | str | Unset
        if isinstance(self.influence, Unset):
            influence = UNSET
        elif isinstance(self.influence, Influence):
            influence = self.influence.value
        else:
            influence = self.influence

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        seniority: None | str | Unset
        if isinstance(self.seniority, Unset):
            seniority = UNSET
        elif isinstance(self.seniority, Seniority):
            seniority = self.seniority.value
        else:
            seniority = self.seniority

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "created_at": created_at,
                "custom_fields": custom_fields,
                "id": id,
                "is_decision_maker": is_decision_maker,
                "name": name,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if influence is not UNSET:
            field_dict["influence"] = influence
        if phone is not UNSET:
            field_dict["phone"] = phone
        if seniority is not UNSET:
            field_dict["seniority"] = seniority
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_result_contact_view_data_custom_fields import (
            BatchResultContactViewDataCustomFields,
        )

        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        custom_fields = BatchResultContactViewDataCustomFields.from_dict(
            d.pop("custom_fields")
        )

        id = UUID(d.pop("id"))

        is_decision_maker = d.pop("is_decision_maker")

        name = d.pop("name")

        status = ContactStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_influence(data: object) -> Influence | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                influence_type_1 = Influence(data)

                return influence_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Influence | None | Unset, data)

        influence = _parse_influence(d.pop("influence", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_seniority(data: object) -> None | Seniority | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                seniority_type_1 = Seniority(data)

                return seniority_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Seniority | Unset, data)

        seniority = _parse_seniority(d.pop("seniority", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        batch_result_contact_view_data = cls(
            account_id=account_id,
            created_at=created_at,
            custom_fields=custom_fields,
            id=id,
            is_decision_maker=is_decision_maker,
            name=name,
            status=status,
            updated_at=updated_at,
            version=version,
            email=email,
            influence=influence,
            phone=phone,
            seniority=seniority,
            title=title,
        )

        batch_result_contact_view_data.additional_properties = d
        return batch_result_contact_view_data

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
