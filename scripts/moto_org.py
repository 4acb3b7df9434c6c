#!/usr/bin/env python3
"""A moto server and a synthetic AWS organization in it, for orgclose's tests and benchmark.

Run it with the Python of .tools/venv (made by `make tools`), which has moto[server] and boto3.

  moto_org.py serve
      Starts a moto server on 127.0.0.1 on a free port, prints the port on one line, and
      runs until its standard input closes (the test harness holds it open), then stops.

  moto_org.py build --endpoint URL [--accounts N] [--ous N] [--depth N] [--tags] [--costs]
      Creates an organization through the API: N member accounts spread over N OUs nested
      `--depth` levels below the root, a delegated administrator for two services, trusted
      access for three, optional tags and Cost Explorer results. Prints a JSON manifest of
      what it made (every account's and OU's parent) for the tests to check against.

Everything talks to the given endpoint on the loopback address only.
"""

import argparse
import json
import sys
import urllib.request

DELEGATED_SERVICES = ["guardduty.amazonaws.com", "macie.amazonaws.com"]
TRUSTED_SERVICES = ["guardduty.amazonaws.com", "macie.amazonaws.com", "ssm.amazonaws.com"]


def serve() -> None:
    import logging

    from moto.server import ThreadedMotoServer

    # Quiet: one line per request, and a traceback for each call moto does not implement.
    logging.getLogger("werkzeug").setLevel(logging.CRITICAL)

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    _, port = server.get_host_and_port()
    print(port, flush=True)
    sys.stdin.read()  # until the harness closes the pipe or dies
    server.stop()


def client(endpoint: str, service: str):
    import boto3

    return boto3.client(
        service,
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def build(endpoint: str, accounts: int, ous: int, depth: int, tags: bool, costs: bool) -> dict:
    org = client(endpoint, "organizations")
    organization = org.create_organization(FeatureSet="ALL")["Organization"]
    root = org.list_roots()["Roots"][0]["Id"]

    # OUs: a chain down to `depth` first (so the deepest level exists), then the rest
    # breadth-first under the shallowest OUs that still have room.
    units: dict[str, dict] = {}
    levels: dict[str, int] = {root: 0}
    parents = [root]
    for index in range(ous):
        if index < depth:
            parent = parents[-1] if index else root
        else:
            candidates = [p for p in parents if levels[p] < depth]
            parent = candidates[(index - depth) % len(candidates)]
        unit = org.create_organizational_unit(ParentId=parent, Name=f"ou-{index:03d}")
        unit_id = unit["OrganizationalUnit"]["Id"]
        units[unit_id] = {"name": f"ou-{index:03d}", "parentId": parent}
        levels[unit_id] = levels[parent] + 1
        parents.append(unit_id)

    management = organization["MasterAccountId"]
    placed: dict[str, str] = {management: root}
    tagged: dict[str, dict] = {}
    homes = [root] + list(units)
    for index in range(accounts):
        status = org.create_account(
            Email=f"member-{index:05d}@example.com", AccountName=f"member-{index:05d}"
        )["CreateAccountStatus"]
        account = status["AccountId"]
        home = homes[index % len(homes)]
        if home != root:
            org.move_account(AccountId=account, SourceParentId=root, DestinationParentId=home)
        placed[account] = home
        if tags and index % 5 == 0:
            tagged[account] = {"team": f"t{index % 7}", "env": "prod"}
            org.tag_resource(
                ResourceId=account,
                Tags=[{"Key": k, "Value": v} for k, v in tagged[account].items()],
            )

    members = sorted(a for a in placed if a != management)
    admin = members[0]
    for service in TRUSTED_SERVICES:
        org.enable_aws_service_access(ServicePrincipal=service)
    for service in DELEGATED_SERVICES:
        org.register_delegated_administrator(AccountId=admin, ServicePrincipal=service)

    cost_rows = []
    if costs:
        cost_rows = seed_costs(endpoint, members[:2])

    return {
        "organizationId": organization["Id"],
        "managementAccountId": management,
        "rootId": root,
        "units": units,
        "accounts": placed,
        "delegatedAdministrators": [[admin, s] for s in DELEGATED_SERVICES],
        "servicePrincipals": TRUSTED_SERVICES,
        "costRows": cost_rows,
        "tags": tagged,
    }


def seed_costs(endpoint: str, accounts: list) -> list:
    """Queues Cost Explorer answers: the Regions query, then one answer per Region.

    moto hands queued results to requests in arrival order, and orgclose's per-Region queries
    run in parallel, so both per-Region answers are the same and the rows do not depend on
    which query came first.
    """
    period = {"Start": "2026-10-01", "End": "2026-11-01"}

    def group(keys, amount):
        return {"Keys": keys, "Metrics": {"UnblendedCost": {"Amount": amount, "Unit": "USD"}}}

    regions = {
        "ResultsByTime": [
            {
                "TimePeriod": period,
                "Groups": [
                    group([accounts[0], "us-east-1"], "12.5"),
                    group([accounts[1], "eu-west-1"], "3.25"),
                    group([accounts[1], "ap-south-1"], "0"),
                ],
                "Estimated": False,
            }
        ]
    }
    services = {
        "ResultsByTime": [
            {
                "TimePeriod": period,
                "Groups": [
                    group([accounts[0], "Amazon Elastic Compute Cloud - Compute"], "10.5"),
                    group([accounts[1], "Amazon Simple Storage Service"], "2"),
                    group([accounts[1], "AWS Key Management Service"], "0.0000000000"),
                ],
                "Estimated": False,
            }
        ]
    }
    body = json.dumps({"results": [regions, services, services]}).encode()
    request = urllib.request.Request(
        endpoint + "/moto-api/static/ce/cost-and-usage-results",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as response:
        assert response.status == 201, response.status
    rows = []
    for region in ["eu-west-1", "us-east-1"]:
        rows.append([accounts[0], "Amazon Elastic Compute Cloud - Compute", region, "10.5"])
        rows.append([accounts[1], "Amazon Simple Storage Service", region, "2"])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve")
    builder = commands.add_parser("build")
    builder.add_argument("--endpoint", required=True)
    builder.add_argument("--accounts", type=int, default=50)
    builder.add_argument("--ous", type=int, default=12)
    builder.add_argument("--depth", type=int, default=4)
    builder.add_argument("--tags", action="store_true")
    builder.add_argument("--costs", action="store_true")
    arguments = parser.parse_args()
    if arguments.command == "serve":
        serve()
    else:
        manifest = build(
            arguments.endpoint,
            arguments.accounts,
            arguments.ous,
            min(arguments.depth, 5),
            arguments.tags,
            arguments.costs,
        )
        json.dump(manifest, sys.stdout, indent=1, sort_keys=True)
        print()


if __name__ == "__main__":
    main()
