#!/usr/bin/env python3
"""A fault-injecting HTTP proxy between the aws CLI and moto, for orgclose's apply tests.

  fault_proxy.py --upstream URL --log FILE --rules FILE [--clock FILE]

Listens on 127.0.0.1 on a free port, prints the port on one line, and serves until its
standard input closes. Every request is forwarded to moto (on the loopback address only)
and logged to --log as one JSON line: time, operation, account, result, and how many
closures were in progress before it.

What it adds to moto:
  * closures take time: after a CloseAccount an account reads PENDING_CLOSURE for
    `pendingPolls` DescribeAccount calls, then CLOSED (moto closes at once, as SUSPENDED);
  * AWS's limits, enforced and logged as violations: a 4th closure in progress gets
    CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED (rule B12), a closure past `quota` in 30 days
    CLOSE_ACCOUNT_QUOTA_EXCEEDED (rule B11);
  * the 90-day post-closure period: 90 days (by --clock) after a closure, the account is
    removed from moto, as AWS removes permanently closed members;
  * calls moto lacks: ListHandshakesForOrganization, DescribeHandshake, CancelHandshake,
    DeclineHandshake, the responsibility-transfer lists and DescribeResponsibilityTransfer;
  * faults on command, from --rules (re-read on every request): {"inject": [{"id": "t1",
    "op": "CloseAccount", "times": 2, "error": "TooManyRequestsException"} | "reason":
    "CLOSE_ACCOUNT_QUOTA_EXCEEDED" | "delay": 3 | "drop": true | "hold": true]}; `drop`
    forwards the request to moto, then closes the connection without answering; `hold`
    forwards it, prints "held OPERATION" on standard output and answers nothing until a line
    arrives on standard input (the test kills the caller in between), then drops it.
"""

import argparse
import http.server
import json
import os
import socketserver
import sys
import threading
import time
import urllib.request
import uuid

LOCK = threading.Lock()
STATE = {"pending": {}, "closed": {}, "used": {}, "handshakes": None}
RELEASE = threading.Event()
DAY = 86400


def now(args):
    if args.clock:
        try:
            with open(args.clock) as handle:
                return float(handle.read().strip() or 0)
        except OSError:
            return 0.0
    return time.time()


def rules(args):
    try:
        with open(args.rules) as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return {}


def log(args, entry):
    with open(args.log, "a") as handle:
        handle.write(json.dumps(entry, sort_keys=True) + "\n")


ORGANIZATIONS = {"Content-Type": "application/x-amz-json-1.1",
                 "Authorization": "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/"
                 "organizations/aws4_request, SignedHeaders=host, Signature=00"}


def upstream(args, target, body, headers=None):
    """Forwards to moto; moto picks the service from the credential scope of Authorization."""
    sent = dict(headers or ORGANIZATIONS)
    if target:
        sent["X-Amz-Target"] = target
    request = urllib.request.Request(args.upstream + "/", data=body, method="POST", headers=sent)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def housekeeping(args, clock):
    """Members closed more than 90 days ago leave the organization (rule C18)."""
    for account, closed_at in list(STATE["closed"].items()):
        if clock - closed_at >= 90 * DAY:
            upstream(args, "AWSOrganizationsV20161128.RemoveAccountFromOrganization",
                     json.dumps({"AccountId": account}).encode())
            del STATE["closed"][account]


def rewrite(account):
    if account.get("Id") in STATE["pending"]:
        account["State"] = account["Status"] = "PENDING_CLOSURE"
    elif account.get("Id") in STATE["closed"]:
        account["State"] = "CLOSED"
        account["Status"] = "SUSPENDED"


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    args = None

    def log_message(self, *_):
        pass

    def answer(self, status, body, headers=None):
        payload = json.dumps(body).encode() if not isinstance(body, bytes) else body
        self.send_response(status)
        for key, value in (headers or {}).items():
            if key.lower() not in ("content-length", "connection", "transfer-encoding",
                                   "server", "date"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        if not any(key.lower() == "x-amzn-requestid" for key in (headers or {})):
            self.send_header("x-amzn-RequestId", str(uuid.uuid4()))
        self.end_headers()
        self.wfile.write(payload)

    def error(self, code, message, reason=None):
        body = {"__type": code, "Message": message}
        if reason:
            body["Reason"] = reason
        self.answer(400, body, {"Content-Type": "application/x-amz-json-1.1"})

    def do_POST(self):
        args = self.args
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        target = self.headers.get("X-Amz-Target", "")
        operation = target.split(".")[-1] if target else ""
        if not operation:  # query protocol (sts, iam): Action=…
            for part in body.decode(errors="replace").split("&"):
                if part.startswith("Action="):
                    operation = part[len("Action="):]
        try:
            params = json.loads(body) if target and body else {}
        except ValueError:
            params = {}
        account = params.get("AccountId")
        with LOCK:
            clock = now(args)
            housekeeping(args, clock)
            entry = {"t": clock, "wall": time.time(), "op": operation, "pendingBefore": len(STATE["pending"])}
            if account:
                entry["account"] = account
            current = rules(args)
            fault = None
            for rule in current.get("inject", []):
                used = STATE["used"].get(rule.get("id"), 0)
                if rule.get("op") == operation and used < rule.get("times", 1) and (
                        "account" not in rule or rule["account"] == account):
                    STATE["used"][rule.get("id")] = used + 1
                    fault = rule
                    break
            if STATE["handshakes"] is None:
                STATE["handshakes"] = current.get("handshakes", [])
        if fault and fault.get("delay"):
            time.sleep(fault["delay"])
        if fault and (fault.get("error") or fault.get("reason")):
            code = fault.get("error", "ConstraintViolationException")
            entry.update(result=code, reason=fault.get("reason"), injected=True)
            log(args, entry)
            return self.error(code, "injected by the test proxy", fault.get("reason"))
        if operation in ("ListHandshakesForOrganization", "ListHandshakesForAccount"):
            entry["result"] = "ok"
            log(args, entry)
            return self.answer(200, {"Handshakes": STATE["handshakes"]})
        if operation == "DescribeHandshake":
            with LOCK:
                found = [h for h in STATE["handshakes"] + STATE.setdefault("ended", [])
                         if h["Id"] == params.get("HandshakeId")]
            entry.update(result="ok" if found else "HandshakeNotFoundException")
            log(args, entry)
            if not found:
                return self.error("HandshakeNotFoundException", "no such handshake")
            return self.answer(200, {"Handshake": found[0]})
        if operation == "DescribeResponsibilityTransfer":
            # The organizations the tests build have no transfers (their lists are empty).
            entry["result"] = "ResponsibilityTransferNotFoundException"
            log(args, entry)
            return self.error("ResponsibilityTransferNotFoundException", "no such transfer")
        if operation in ("CancelHandshake", "DeclineHandshake"):
            with LOCK:
                found = [h for h in STATE["handshakes"] if h["Id"] == params.get("HandshakeId")]
                if found:
                    found[0]["State"] = "CANCELED" if operation == "CancelHandshake" else "DECLINED"
                    STATE.setdefault("ended", []).append(found[0])
                    STATE["handshakes"] = [h for h in STATE["handshakes"] if h["State"] == "OPEN"]
            entry.update(result="ok" if found else "HandshakeNotFoundException",
                         handshake=params.get("HandshakeId"))
            log(args, entry)
            if fault and fault.get("drop"):
                return self.drop(args, entry)
            if not found:
                return self.error("HandshakeNotFoundException", "no such handshake")
            return self.answer(200, {"Handshake": found[0]})
        if operation in ("ListInboundResponsibilityTransfers",
                         "ListOutboundResponsibilityTransfers"):
            entry["result"] = "ok"
            log(args, entry)
            return self.answer(200, {"ResponsibilityTransfers": []})
        if operation == "CloseAccount":
            with LOCK:
                quota = current.get("quota")
                recent = [t for t in STATE.get("closures", []) if clock - t < 30 * DAY]
                if len(STATE["pending"]) >= 3:
                    entry.update(result="ConstraintViolationException", violation="B12",
                                 reason="CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED")
                elif quota is not None and len(recent) >= quota:
                    entry.update(result="ConstraintViolationException", violation="B11",
                                 reason="CLOSE_ACCOUNT_QUOTA_EXCEEDED")
            if entry.get("violation"):
                log(args, entry)
                return self.error("ConstraintViolationException", "limit", entry["reason"])
        forwarded = {key: self.headers[key] for key in ("Content-Type", "Authorization")
                     if self.headers.get(key)}
        status, headers, payload = upstream(args, target or "", body, forwarded)
        with LOCK:
            if operation == "CloseAccount" and status == 200:
                STATE["pending"][account] = 0
                STATE.setdefault("closures", []).append(clock)
            if operation == "DescribeAccount" and account in STATE["pending"]:
                STATE["pending"][account] += 1
                if STATE["pending"][account] > current.get("pendingPolls", 1):
                    del STATE["pending"][account]
                    STATE["closed"][account] = clock
            if status == 200 and operation in ("DescribeAccount", "ListAccounts",
                                               "ListAccountsForParent"):
                try:
                    document = json.loads(payload)
                    for item in ([document["Account"]] if "Account" in document
                                 else document.get("Accounts", [])):
                        rewrite(item)
                    payload = json.dumps(document).encode()
                except (ValueError, KeyError):
                    pass
        entry["result"] = "ok" if status == 200 else (
            headers.get("X-Amzn-Errortype") or headers.get("x-amzn-ErrorType") or str(status))
        entry["result"] = entry["result"].split(":")[0]
        log(args, entry)
        if fault and fault.get("hold"):
            print("held " + operation, flush=True)
            RELEASE.wait(300)
            return self.drop(args, entry)
        if fault and fault.get("drop"):
            return self.drop(args, entry)
        self.answer(status, payload, headers)

    def drop(self, args, entry):
        """Closes the connection without answering a request that took effect."""
        log(args, dict(entry, result="dropped"))
        self.close_connection = True
        self.connection.shutdown(2)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--upstream", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--rules", required=True)
    parser.add_argument("--clock")
    Handler.args = parser.parse_args()
    assert Handler.args.upstream.startswith("http://127.0.0.1:")
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    for _ in sys.stdin:
        RELEASE.set()
    RELEASE.set()
    server.shutdown()


if __name__ == "__main__":
    main()
