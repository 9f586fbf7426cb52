// The tasks page: the Overlord's Tasks API only, polled. Task ids, log lines and payloads are user input:
// they reach the page as text, never as markup (see common.js).
import { openTask, startDetail } from "./task-detail.js";
import { startTable } from "./task-table.js";

startDetail();
startTable(openTask);
