//! `/tasks`: follow-ups on a client account.

use actix_web::{delete, get, patch, post};

use crate::app::crm::account_records::TaskListParams;
use crate::app::crm::tasks::{Task, TaskCreate, TaskInput, TaskView};
use crate::app::page::{Page, PageParams};

crate::record_endpoints!(Task {
    create create_task "/tasks" "Create a task." (
        tag = "tasks",
        request_body = TaskCreate,
        params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry of this POST safe")),
        responses((status = 201, description = "Created", body = TaskView))
    )
    list list_tasks "/tasks" "List tasks." (
        tag = "tasks",
        params(PageParams, TaskListParams),
        responses((status = 200, description = "A page of tasks", body = Page<TaskView>))
    )
    get get_task "/tasks/{id}" "Get a task." (
        tag = "tasks",
        params(("id" = Uuid, Path, description = "Id")),
        responses((status = 200, description = "The task", body = TaskView))
    )
    update update_task "/tasks/{id}" "Change a task." (
        tag = "tasks",
        params(("id" = Uuid, Path, description = "Id"), ("If-Match" = Option<String>, Header, description = "The ETag you read")),
        request_body = TaskInput,
        responses((status = 200, description = "The updated task", body = TaskView))
    )
    delete delete_task "/tasks/{id}" "Delete a task." (
        tag = "tasks",
        params(("id" = Uuid, Path, description = "Id")),
        responses((status = 204, description = "Deleted"))
    )
});
