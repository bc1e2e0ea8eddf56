//! Banking: statement files imported (real ones from elsewhere, see tests/data), their lines
//! reconciled with the books, and the cash position that ties them; bank accounts' kinds, CSV
//! mappings and balance anchors, CRM accounts' bank accounts, bank rules and transfers.

mod bank_accounts;
mod reconciliation;
mod rules;
mod statements;
mod transfers;

use serde_json::Value;

use crate::support::fixtures::Signed;
use crate::support::http::{id_of, Answer};
use crate::support::TestApp;

/// A camt.053.001.02 statement for `iban` in `ccy`: `(amount, CRDT|DBIT, day, reference,
/// remittance)` entries between an opening and a closing booked balance.
pub fn camt(
    iban: &str,
    ccy: &str,
    id: &str,
    opening: (&str, &str),
    closing: (&str, &str),
    entries: &[(&str, &str, &str, Option<&str>, &str)],
) -> String {
    let bal = |code: &str, (amt, day): (&str, &str)| {
        let (ind, amt) = match amt.strip_prefix('-') {
            Some(a) => ("DBIT", a),
            None => ("CRDT", amt),
        };
        format!(
            "<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp><Amt Ccy=\"{ccy}\">{amt}</Amt>\
             <CdtDbtInd>{ind}</CdtDbtInd><Dt><Dt>{day}</Dt></Dt></Bal>"
        )
    };
    let ntry: String = entries
        .iter()
        .map(|(amt, ind, day, reference, info)| {
            let r = reference
                .map(|r| format!("<AcctSvcrRef>{r}</AcctSvcrRef>"))
                .unwrap_or_default();
            format!(
                "<Ntry><Amt Ccy=\"{ccy}\">{amt}</Amt><CdtDbtInd>{ind}</CdtDbtInd><Sts>BOOK</Sts>\
                 <BookgDt><Dt>{day}</Dt></BookgDt><ValDt><Dt>{day}</Dt></ValDt>{r}\
                 <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>\
                 <NtryDtls><TxDtls><RmtInf><Ustrd>{info}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>"
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\
         <BkToCstmrStmt><GrpHdr><MsgId>{id}</MsgId><CreDtTm>2026-04-01T08:00:00+00:00</CreDtTm></GrpHdr>\
         <Stmt><Id>{id}</Id><CreDtTm>2026-04-01T08:00:00+00:00</CreDtTm><Acct><Id><IBAN>{iban}</IBAN></Id><Ccy>{ccy}</Ccy></Acct>\
         {}{}{ntry}</Stmt></BkToCstmrStmt></Document>",
        bal("OPBD", opening),
        bal("CLBD", closing)
    )
}

/// Imports `body` into bank account `bank`.
pub async fn import(app: &TestApp, token: &str, bank: &str, body: &str, ctype: &str) -> Answer {
    app.post(&format!("/api/v1/bank-accounts/{bank}/statements"))
        .token(token)
        .raw(body.to_owned(), ctype)
        .send()
        .await
}

/// Every line of bank account `bank` (with an optional query such as `&status=reconciled`).
pub async fn lines(app: &TestApp, token: &str, bank: &str, query: &str) -> Vec<Value> {
    app.walk(
        token,
        &format!("/api/v1/bank-accounts/{bank}/transactions?limit=100{query}"),
    )
    .await
}

/// A bank account with `iban` in `ccy`: its id and its ledger account's id.
pub async fn bank_with_iban(app: &TestApp, s: &Signed, iban: &str, ccy: &str) -> (String, String) {
    let b = app
        .create(
            &s.token,
            "/api/v1/bank-accounts",
            serde_json::json!({"name": format!("Bank {iban}"), "currency": ccy, "iban": iban}),
        )
        .await;
    (
        id_of(&b),
        b["ledger_account_id"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    )
}
