//! Transitional: the records kept about an account moved to one file per noun
//! (`contacts`, `interactions`, `feedback`, `requests`, `tasks`); these re-exports keep the
//! old paths working for code not yet converted. `page_by_id!` stays until its last user goes.

pub use super::account_records::RecordFilter;
pub use super::contacts::{contact_ids_by, contacts_of_accounts, ContactRow};
pub use super::feedback::{feedback_of_accounts, FeedbackRow};
pub use super::interactions::{
    interaction_contacts, interaction_ids_by, interactions_of_accounts, last_check_in,
    set_interaction_contacts, InteractionRow,
};
pub use super::requests::{requests_of_accounts, RequestRow};
pub use super::tasks::{move_open_tasks, tasks_of_accounts, TaskRow};

/// Keyset on the id (UUIDv7, so creation order).
macro_rules! page_by_id {
    ($q:ident, $table:ident, $desc:expr, $after:expr, $limit:expr) => {{
        let mut q = $q;
        if let Some(id) = $after {
            q = if $desc {
                q.filter($table::id.lt(id))
            } else {
                q.filter($table::id.gt(id))
            };
        }
        q = if $desc {
            q.order($table::id.desc())
        } else {
            q.order($table::id.asc())
        };
        q.limit($limit)
    }};
}
pub(crate) use page_by_id;
