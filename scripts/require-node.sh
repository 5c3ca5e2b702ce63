# Sourced by the set-up scripts: makes sure git and Node.js >= 20 with npm are there.
missing=()
command -v git >/dev/null || missing+=(git)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "spravka needs Node.js 20 or newer; this machine has $(node --version)." >&2
  echo "Install Node.js 20 (e.g. from NodeSource's Debian repository) and run this again." >&2
  echo "spravka нужен Node.js 20 или новее; установите его и запустите скрипт снова." >&2
  exit 1
fi
