// Registers the surveys' part in the request life cycle: completing or resolving a request
// invites the member to the surveys configured for its type (service.ts, inviteAfterService).
import { followTransitions } from "../requests/transition.js";
import { inviteAfterService } from "./service.js";

followTransitions(inviteAfterService);
