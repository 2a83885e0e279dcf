"""pymodbus (Debian python3-pymodbus 3.x) slave for conformance tests.

Unit 1: holding register i = i, input register i = 2i, coil i = i odd, discrete input i = i % 3 == 0.
Usage: pymodbus_server.py tcp PORT | rtu DEVICE BAUD
"""
import logging
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartSerialServer, StartTcpServer
from pymodbus.transaction import ModbusRtuFramer

logging.basicConfig(level=logging.WARNING)
N = 1000
slave = ModbusSlaveContext(
    di=ModbusSequentialDataBlock(0, [i % 3 == 0 for i in range(N)]),
    co=ModbusSequentialDataBlock(0, [i % 2 == 1 for i in range(N)]),
    hr=ModbusSequentialDataBlock(0, [i for i in range(N)]),
    ir=ModbusSequentialDataBlock(0, [2 * i for i in range(N)]),
    zero_mode=True,
)
context = ModbusServerContext(slaves={1: slave}, single=False)
print("pymodbus ready", flush=True)
if sys.argv[1] == "tcp":
    StartTcpServer(context=context, address=("127.0.0.1", int(sys.argv[2])))
else:
    StartSerialServer(context=context, framer=ModbusRtuFramer, port=sys.argv[2], baudrate=int(sys.argv[3]),
                      bytesize=8, parity="N", stopbits=1, timeout=0.005)
