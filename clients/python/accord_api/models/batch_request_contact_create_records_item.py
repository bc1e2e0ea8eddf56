from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.contact_status import ContactStatus
from ..models.influence import Influence
from ..models.seniority import Seniority
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_request_contact_create_records_item_custom_fields_type_0 import (
        BatchRequestContactCreateRecordsItemCustomFieldsType0,
    )


T = TypeVar("T", bound="BatchRequestContactCreateRecordsItem")


@_attrs_define
class BatchRequestContactCreateRecordsItem:
    """
    Attributes:
        account_id (UUID): Moving a contact to another account needs write access to both accounts.
        name (str):
        custom_fields (BatchRequestContactCreateRecordsItemCustomFieldsType0 | None | Unset): Replaces the contact's
            custom fields (a JSON object of at most 16 KiB).
        email (None | str | Unset):
        influence (Influence | None | Unset):
        is_decision_maker (bool | None | Unset):
        phone (None | str | Unset):
        seniority (None | Seniority | Unset):
        status (ContactStatus | None | Unset):
        title (None | str | Unset):
    """

    account_id: UUID
    name: str
    custom_fields: (
        BatchRequestContactCreateRecordsItemCustomFieldsType0 | None | Unset
    ) = UNSET
    email: None | str | Unset = UNSET
    influence: Influence | None | Unset = UNSET
    is_decision_maker: bool | None | Unset = UNSET
    phone: None | str | Unset = UNSET
    seniority: None | Seniority | Unset = UNSET
    status: ContactStatus | None | Unset = UNSET
    title: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_request_contact_create_records_item_custom_fields_type_0 import (
            BatchRequestContactCreateRecordsItemCustomFieldsType0,
        )

        account_id = str(self.account_id)

        name = self.name

        custom_fields: dict[str, Any] | None | Unset
        if isinstance(self.custom_fields, Unset):
            custom_fields = UNSET
        elif isinstance(
            self.custom_fields, BatchRequestContactCreateRecordsItemCustomFieldsType0
        ):
            custom_fields = self.custom_fields.to_dict()
        else:
            custom_fields = self.custom_fields

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

        is_decision_maker: bool | None | Unset
        if isinstance(self.is_decision_maker, Unset):
            is_decision_maker = UNSET
        else:
            is_decision_maker = self.is_decision_maker

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

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, ContactStatus):
            status = self.status.value
        else:
            status = self.status

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_id": account_id,
                "name": name,
            }
        )
        if custom_fields is not UNSET:
            field_dict["custom_fields"] = custom_fields
        if email is not UNSET:
            field_dict["email"] = email
        if influence is not UNSET:
            field_dict["influence"] = influence
        if is_decision_maker is not UNSET:
            field_dict["is_decision_maker"] = is_decision_maker
        if phone is not UNSET:
            field_dict["phone"] = phone
        if seniority is not UNSET:
            field_dict["seniority"] = seniority
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_request_contact_create_records_item_custom_fields_type_0 import (
            BatchRequestContactCreateRecordsItemCustomFieldsType0,
        )

        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        name = d.pop("name")

        def _parse_custom_fields(
            data: object,
        ) -> BatchRequestContactCreateRecordsItemCustomFieldsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_fields_type_0 = (
                    BatchRequestContactCreateRecordsItemCustomFieldsType0.from_dict(
                        data
                    )
                )

                return custom_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                BatchRequestContactCreateRecordsItemCustomFieldsType0 | None | Unset,
                data,
            )

        custom_fields = _parse_custom_fields(d.pop("custom_fields", UNSET))

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

        def _parse_is_decision_maker(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_decision_maker = _parse_is_decision_maker(d.pop("is_decision_maker", UNSET))

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

        def _parse_status(data: object) -> ContactStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = ContactStatus(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        batch_request_contact_create_records_item = cls(
            account_id=account_id,
            name=name,
            custom_fields=custom_fields,
            email=email,
            influence=influence,
            is_decision_maker=is_decision_maker,
            phone=phone,
            seniority=seniority,
            status=status,
            title=title,
        )

        return batch_request_contact_create_records_item
